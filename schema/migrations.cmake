# The migrations compiled into govmon, in order. To change the schema, add the next file
# (NNNN_what.sql, in increasing order) and list it here; never edit one that has shipped.
# A migration runs inside a transaction of its own: it must not contain BEGIN or COMMIT.
set(GOVMON_SCHEMA_MIGRATIONS
    0001_init.sql
    0002_alert_outbox.sql
    0003_rectification.sql
    0004_page_history.sql
)
