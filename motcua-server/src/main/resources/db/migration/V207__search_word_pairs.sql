-- Phrase search (issue 7 performance). Vietnamese words are syllables, so the words of a phrase ("cấp giấy phép xây dựng")
-- are each common; the GIN index of text_tsv stores no positions and must intersect their long posting lists before the
-- phrase is checked. A second index of adjacent word pairs ("cap_giay", "giay_phep", ...) is far more selective: every
-- pair of a phrase must be present wherever the phrase is, so it is a pre-filter, and text_tsv still decides.

-- Adjacent words of a tsvector, by position, as one lexeme each (duplicates collapse). Same parser and dictionary on
-- both sides (document and query), so a phrase's pairs are always among the pairs of a document that contains it.
create or replace function motcua_word_pairs(v tsvector) returns tsvector
    language sql immutable strict parallel safe
    as $$ select coalesce(array_to_tsvector(array_agg(distinct w.lexeme || '_' || n.lexeme)), ''::tsvector)
          from (select lexeme, unnest(positions) as pos from unnest(v)) w
          join (select lexeme, unnest(positions) as pos from unnest(v)) n on n.pos = w.pos + 1 $$;

-- The pairs of a phrase as an AND query, or null when the phrase has fewer than two words.
create or replace function motcua_phrase_pairs(phrase text) returns tsquery
    language sql immutable strict parallel safe
    as $$ select string_agg(quote_literal(lexeme), ' & ')::tsquery
          from unnest(motcua_word_pairs(to_tsvector('public.motcua_folded'::regconfig, phrase))) $$;

-- Rewrites the document table once (one more tsvector per document). Idempotent, so a database that received the
-- column by hand (the benchmark's) migrates too.
alter table document add column if not exists text_pairs tsvector
    generated always as (motcua_word_pairs(to_tsvector('public.motcua_folded'::regconfig, coalesce(extracted_text, ''))))
    stored;
create index if not exists document_text_pairs on document using gin (text_pairs);
