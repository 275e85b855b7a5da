"""Generates a government-style site of N pages for the crawl benchmark.

Layout: index.html (home: navigation to the columns, the newest items), column list pages
(20 dated items each, paginated), article pages (text, an image, sometimes an attachment, an
external link, a GBK page now and then). A known set of broken links is planted and written to
broken.txt, one URL path per line, so that every tool's findings can be scored.

usage: generate.py OUTDIR PAGES EXTERNAL_BASE
"""
import os
import sys
import time

out, pages, external = sys.argv[1], int(sys.argv[2]), sys.argv[3]
columns = ["yw", "tzgg", "zcwj", "rsxx", "bmdt"]
names = {"yw": "要闻动态", "tzgg": "通知公告", "zcwj": "政策文件", "rsxx": "人事信息", "bmdt": "部门动态"}
per_list = 20
today = time.time()
broken = set()


def date_of(i):
    return time.strftime("%Y-%m-%d", time.localtime(today - (i % 400) * 86400))


def write(path, text, encoding="utf-8"):
    full = os.path.join(out, path.lstrip("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(text.encode(encoding, errors="replace"))


def page(title, body, charset="utf-8"):
    nav = "".join(f'<li><a href="/{c}/index.html">{names[c]}</a></li>' for c in columns)
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>'
            f'<link rel="stylesheet" href="/css/site.css"></head><body>'
            f'<div class="nav"><ul><li><a href="/index.html">首页</a></li>{nav}</ul></div>'
            f"{body}<div class=footer>版权所有 2005-2026 网站标识码 4200000001</div></body></html>")


articles = max(1, pages - 1 - len(columns) * 2)
by_column = {c: [] for c in columns}
for i in range(articles):
    by_column[columns[i % len(columns)]].append(i)

for i in range(articles):
    column = columns[i % len(columns)]
    links = f'<img src="/img/{i % 50}.png" alt="图片">'
    if i % 7 == 0:
        links += f'<a href="/files/{i}.pdf">附件下载</a>'
    if i % 11 == 0:
        links += f'<a href="{external}/ext/{i % 20}.html">相关链接</a>'
    if i % 97 == 0:
        links += f'<a href="/{column}/missing-{i}.html">已删除的文章</a>'
        broken.add(f"/{column}/missing-{i}.html")
    if i % 193 == 0:
        links += f'<img src="/img/missing-{i}.png">'
        broken.add(f"/img/missing-{i}.png")
    if i % 389 == 0:
        links += f'<a href="{external}/ext/gone-{i}.html">失效外链</a>'
        broken.add(f"/ext/gone-{i}.html")
    charset = "gbk" if i % 13 == 0 else "utf-8"
    write(f"/{column}/{i}.html",
          page(f"第{i}号文章", f"<h1>关于第{i}项工作的通知</h1><p>发布时间：{date_of(i)}</p>"
               f"<p>正文内容。</p>{links}", charset), charset)

for column, items in by_column.items():
    chunks = [items[k:k + per_list] for k in range(0, len(items), per_list)] or [[]]
    for n, chunk in enumerate(chunks):
        rows = "".join(f'<li><a href="/{column}/{i}.html">关于第{i}项工作的通知</a>'
                       f"<span>{date_of(i)}</span></li>" for i in chunk)
        next_link = (f'<a href="/{column}/index_{n + 1}.html">下一页</a>'
                     if n + 1 < len(chunks) else "")
        name = "index.html" if n == 0 else f"index_{n}.html"
        write(f"/{column}/{name}", page(names[column], f"<ul class=list>{rows}</ul>{next_link}"))

newest = "".join(f'<li><a href="/{columns[i % len(columns)]}/{i}.html">关于第{i}项工作的通知</a>'
                 f"<span>{date_of(i)}</span></li>" for i in range(min(articles, 15)))
write("/index.html", page("某某市人民政府", f"<ul class=list>{newest}</ul>"))
write("/css/site.css", "body{font-family:sans-serif}")
for k in range(50):
    write(f"/img/{k}.png", "PNG")
for i in range(0, articles, 7):
    write(f"/files/{i}.pdf", "%PDF-1.4")
for k in range(20):
    write(f"/ext/{k}.html", page("外部网站", "外部页面"))
with open(os.path.join(out, "broken.txt"), "w") as f:
    f.write("\n".join(sorted(broken)) + "\n")
