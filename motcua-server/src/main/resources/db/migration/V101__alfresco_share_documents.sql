-- Alfresco mode: files added to dossier folders in Alfresco (Share), attached to the dossier by the event listener. One row
-- per attached version; modified_at orders out-of-order events (an older event than the newest applied is ignored).
create table alfresco_share_document (
    node_id      text not null,
    document_id  bigint not null references document (id),
    modified_at  timestamptz,
    primary key (node_id, document_id)
);
create index alfresco_share_document_node on alfresco_share_document (node_id, modified_at);
