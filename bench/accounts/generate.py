"""Writes N feeds (www/feeds/N.xml), a registry CSV of N feed accounts and a config template."""
import os
import sys
import time

work, count = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.join(work, "www", "feeds"), exist_ok=True)
now = int(time.time())


def rfc822(epoch):
    return time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(epoch))


for i in range(count):
    # A third of the accounts is dormant, one item per account is pinned-first and old.
    newest = now - (20 if i % 3 == 0 else 2) * 86400
    items = [f"<item><title>置顶</title><pubDate>{rfc822(now - 400 * 86400)}</pubDate></item>"]
    items += [f"<item><title>第{k}条政务信息</title><link>https://example.gov.cn/{i}/{k}.html</link>"
              f"<pubDate>{rfc822(newest - k * 3600)}</pubDate></item>" for k in range(20)]
    with open(os.path.join(work, "www", "feeds", f"{i}.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>账号{i}</title>{''.join(items)}</channel></rss>")

with open(os.path.join(work, "accounts.csv"), "w", encoding="utf-8-sig") as f:
    f.write("id,name,platform,feed,unit\n")
    for i in range(count):
        f.write(f"acct-{i},账号{i},feed,http://bridge.bench:@PORT@/feeds/{i}.xml,bench-unit\n")

with open(os.path.join(work, "govmon.yaml.in"), "w", encoding="utf-8") as f:
    f.write(f"""database: {work}/govmon.db
http:
  per_host: @PER_HOST@
  per_host_delay: @DELAY@
  retries: 0
  resolve:
    "bridge.bench": 127.0.0.1
units:
  - {{id: bench-unit, name: 基准单位}}
registry: [accounts.csv]
""")
