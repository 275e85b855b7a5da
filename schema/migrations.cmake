# The migrations compiled into govmon, in order. To change the schema, add the next file
# (NNNN_what.sql, in increasing order) and list it here; never edit one that has shipped.
# Numbers are handed out to parallel branches beforehand, so a branch may lack a lower one
# until the merge: a database that has the higher applies the lower when it arrives.
# A migration runs inside a transaction of its own: it must not contain BEGIN or COMMIT.
set(GOVMON_SCHEMA_MIGRATIONS
    0001_init.sql
    0002_alert_outbox.sql
    0004_page_history.sql
)
