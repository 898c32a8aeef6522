// The HTML shell of the Mini App and the TV page: styles that follow Telegram's
// theme (CSS variables the script fills from tgWebAppThemeParams) and the bundle.

export function pageHtml(scriptUrl: string, mode: "app" | "tv"): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>KPI Coach</title>
<style>
:root{--bg:#ffffff;--text:#111111;--hint:#707579;--link:#2481cc;--button:#2481cc;--button-text:#ffffff;--secondary-bg:#f1f1f4;--accent:#2481cc;--good:#2e9e4f;--bad:#d9443a}
@media (prefers-color-scheme: dark){:root{--bg:#17212b;--text:#f5f5f5;--hint:#708499;--link:#6ab3f3;--button:#5288c1;--secondary-bg:#232e3c}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--text)}
main{padding:12px;max-width:980px;margin:0 auto}
h1{font-size:20px;margin:4px 0 8px}h2{font-size:16px;margin:18px 0 8px}h3{font-size:14px;margin:12px 0 4px}
section{background:var(--secondary-bg);border-radius:12px;padding:10px 12px;margin:10px 0}
select,input,button{font:inherit;padding:8px 10px;border-radius:8px;border:1px solid var(--hint);background:var(--bg);color:var(--text)}
button{background:var(--button);color:var(--button-text);border:0;cursor:pointer}
.kpi-groups{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:4px 14px}.kpi-group h3{margin:6px 0}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(130px,1fr));gap:8px}
.kpi{background:var(--bg);border-radius:10px;padding:8px}.kpi b{display:block;font-size:18px}.kpi span{color:var(--hint);font-size:12px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:5px 6px;text-align:right;white-space:nowrap}th:first-child,td:first-child{text-align:left}
th{color:var(--hint);cursor:pointer;user-select:none}tr+tr td{border-top:1px solid color-mix(in srgb,var(--hint) 25%,transparent)}
.scroll{overflow-x:auto}.hint{color:var(--hint);font-size:12px}a{color:var(--link);cursor:pointer}
.plan{margin:4px 0}.bar{height:6px;background:var(--bg);border-radius:3px;overflow:hidden}.bar i{display:block;height:100%;background:var(--accent)}
.status-behind i,.status-at_risk i,.status-failed i{background:var(--bad)}.status-done i,.status-on_pace i{background:var(--good)}
form{display:grid;gap:8px}.msg{padding:8px;border-radius:8px;background:var(--bg);white-space:pre-line}.msg.error{color:var(--bad)}.notice{color:var(--bad);margin:6px 0}.notice:empty{display:none}
.tv{font-size:3.2vw}.tv main{max-width:none;padding:2vw}.tv h1{font-size:4.2vw}.tv h2{font-size:2.4vw}.tv .hint{font-size:1.6vw}.tv table{font-size:3.4vw}.tv td{padding:1vw 2vw}.tv .cols{display:grid;grid-template-columns:1fr 1fr;gap:2vw}
</style>
</head>
<body data-mode="${mode}">
<main id="app"><p class="hint">…</p></main>
<script type="module" src="${scriptUrl}"></script>
</body>
</html>`;
}
