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
/* The TV board: one unit (--u) is 1 % of the height of the largest 16:9 box that fits the screen, so 1920×1080 and 1280×720 look the same. */
.tv{--u:min(1vh,.5625vw);--bg:#0e1621;--text:#f3f6fa;--hint:#9fb0c2;--secondary-bg:#1b2736;--accent:#4ea4f6;--good:#35c46a;--bad:#f0604d;font-size:calc(var(--u)*2.8);line-height:1.25;overflow:hidden}
.tv main{max-width:none;height:100vh;padding:calc(var(--u)*2.4) calc(var(--u)*3);display:flex;flex-direction:column;gap:calc(var(--u)*2)}
.tv header{display:flex;justify-content:space-between;align-items:baseline;gap:calc(var(--u)*3)}
.tv h1{font-size:calc(var(--u)*5);margin:0;overflow-wrap:anywhere}.tv h2{font-size:calc(var(--u)*3.3);margin:0 0 calc(var(--u)*1.2)}
.tv .hint,.tv .more,.tv .when,.tv .total,.tv .time{font-size:calc(var(--u)*2.4);color:var(--hint);margin:0}.tv #updated{white-space:nowrap}.tv #updated.stale{color:var(--bad)}
.tv .board{flex:1;min-height:0;display:flex;gap:calc(var(--u)*2.4)}.tv .board>*{flex:1 1 0;min-width:0}.tv #plans{flex-grow:1.15}.tv #leaderboard{flex-grow:1.1}
.tv .status-behind i{background:#f2b84b}
.tv .col{display:flex;flex-direction:column;gap:calc(var(--u)*2.4)}
.tv section{margin:0;padding:calc(var(--u)*2) calc(var(--u)*2.4);border-radius:calc(var(--u)*1.6)}
.tv .name{overflow-wrap:anywhere}
.tv .prow{display:grid;grid-template-columns:1fr auto;column-gap:calc(var(--u)*1.5);margin:0 0 calc(var(--u)*1.3)}.tv .prow .bar{grid-column:1/-1;position:relative;height:calc(var(--u)*1.5);border-radius:calc(var(--u)*.75);overflow:visible;background:var(--bg)}
.tv .prow .bar i{border-radius:inherit}.tv .prow .bar u{position:absolute;top:calc(var(--u)*-.5);bottom:calc(var(--u)*-.5);width:calc(var(--u)*.4);margin-left:calc(var(--u)*-.2);background:var(--text);opacity:.7}
.tv table{font-size:inherit;table-layout:auto}.tv th{font-size:calc(var(--u)*2.4);cursor:default}.tv td,.tv th{padding:calc(var(--u)*.7) calc(var(--u)*1)}.tv td.name{white-space:normal}
.tv .deals{display:grid;gap:calc(var(--u)*.6)}.tv .deal{display:grid;grid-template-columns:auto 1fr auto;gap:calc(var(--u)*1.5);align-items:baseline;padding:calc(var(--u)*.4) calc(var(--u)*.8);border-radius:calc(var(--u)*.8)}
.tv .deal.fresh{animation:tv-flash 3s ease-out}.tv .total{margin:0 0 calc(var(--u)*1)}
#celebrate{position:fixed;inset:0;overflow:hidden;display:flex;align-items:center;justify-content:center;pointer-events:none;z-index:10}
#celebrate .card{background:var(--good);color:#fff;border-radius:calc(var(--u)*3);padding:calc(var(--u)*3) calc(var(--u)*6);text-align:center;font-size:calc(var(--u)*6.5);box-shadow:0 0 calc(var(--u)*8) rgba(0,0,0,.5);animation:tv-pop 5s ease forwards}
#celebrate .card p{margin:0}#celebrate .headline{font-size:calc(var(--u)*4)}
#celebrate i{position:absolute;top:50%;left:50%;width:calc(var(--u)*1.6);height:calc(var(--u)*2.6);border-radius:calc(var(--u)*.3);opacity:0;animation:tv-burst 2.2s ease-out forwards}
@keyframes tv-pop{0%{transform:scale(.3);opacity:0}10%{transform:scale(1.08);opacity:1}18%{transform:scale(1)}85%{opacity:1}100%{opacity:0}}
@keyframes tv-burst{0%{transform:translate(-50%,-50%) scale(.3);opacity:1}70%{opacity:1}100%{transform:translate(calc(-50% + var(--dx)),calc(-50% + var(--dy))) rotate(var(--r));opacity:0}}
@keyframes tv-flash{0%,50%{background:color-mix(in srgb,var(--good) 45%,transparent)}100%{background:transparent}}
@media (prefers-reduced-motion:reduce){#celebrate .card,#celebrate i,.tv .deal.fresh{animation-duration:1ms}}
</style>
</head>
<body data-mode="${mode}">
<main id="app"><p class="hint">…</p></main>
<script type="module" src="${scriptUrl}"></script>
</body>
</html>`;
}
