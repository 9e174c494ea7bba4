#!/bin/bash
# Runs once, on the first start of an empty data volume: one database and owner for Alfresco, one for the MotCua server.
# Passwords come from the environment (secrets.env) and are passed to psql as variables, never spliced into SQL text.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v alfresco_password="$ALFRESCO_DB_PASSWORD" \
     -v motcua_password="$MOTCUA_DB_PASSWORD" <<'EOSQL'
CREATE ROLE alfresco LOGIN PASSWORD :'alfresco_password';
CREATE DATABASE alfresco OWNER alfresco ENCODING 'UTF8';
CREATE ROLE motcua LOGIN PASSWORD :'motcua_password';
CREATE DATABASE motcua OWNER motcua ENCODING 'UTF8';
EOSQL
