/** The report's style sheet, inlined into each report. */
export const STYLES = `
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --accent: #0969da;
  --error: #cf222e; --warn: #9a6700; --info: #0969da; --hint: #59636e;
  --good: #1a7f37; --fair: #9a6700; --poor: #bc4c00; --bad: #cf222e;
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: var(--fg); background: #fff; }
header { padding: 20px 32px 12px; border-bottom: 1px solid var(--line); background: var(--panel); }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: var(--muted); }
main { padding: 16px 32px 48px; max-width: 1400px; }
h2 { font-size: 18px; margin: 28px 0 10px; }
section > p.formula { color: var(--muted); font-size: 12px; max-width: 900px; }
#scores { display: flex; flex-wrap: wrap; gap: 12px; }
.score-card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 170px; text-align: center; }
.score-card h3 { margin: 0 0 8px; font-size: 15px; }
.score-card .note { margin: 6px 0 0; color: var(--muted); font-size: 12px; }
.score { --color: var(--muted); width: 92px; height: 92px; margin: 0 auto; border-radius: 50%; display: grid; place-items: center;
  background: conic-gradient(var(--color) calc(var(--score) * 1%), #eaeef2 0); }
.score span { width: 72px; height: 72px; border-radius: 50%; background: #fff; display: grid; place-items: center; font-size: 26px; font-weight: 600; }
.score-good { --color: var(--good); color: var(--good); }
.score-fair { --color: var(--fair); color: var(--fair); }
.score-poor { --color: var(--poor); color: var(--poor); }
.score-bad { --color: var(--bad); color: var(--bad); }
.counts { list-style: none; padding: 0; margin: 8px 0 0; display: flex; gap: 8px; justify-content: center; font-size: 12px; }
.sev-error { color: var(--error); } .sev-warn { color: var(--warn); } .sev-info { color: var(--info); } .sev-hint { color: var(--hint); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; font-size: 13px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.problem { color: var(--error); font-size: 12px; }
button.link { background: none; border: 0; padding: 0; color: var(--accent); cursor: pointer; font: inherit; text-align: left; }
#charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
.chart-card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 0; }
.chart-card h3 { margin: 0 0 8px; font-size: 15px; display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.chart-card.wide { grid-column: 1 / -1; }
.chart-card.rules { grid-row: span 3; }
.chart-card.severity .chart-box { height: 260px; }
.chart-box { position: relative; height: 320px; }
.chart-box.tall { height: 460px; }
.legend { margin: 6px 0 0; color: var(--muted); font-size: 12px; }
#filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-end; margin-bottom: 10px; }
#filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
input, select, button { font: inherit; font-size: 13px; padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--fg); }
button:not(.link) { cursor: pointer; background: var(--panel); }
button:disabled { opacity: 0.5; cursor: default; }
.pager { display: flex; gap: 10px; align-items: center; margin: 8px 0; color: var(--muted); }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
td.rule { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
td.where, td.path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
td.message summary { cursor: pointer; }
pre.frame { margin: 6px 0 0; padding: 6px 0; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; font-size: 12px; line-height: 1.45; }
pre.frame .line { display: block; padding: 0 10px 0 0; white-space: pre; }
#findings-table { table-layout: fixed; }
th.col-severity { width: 80px; } th.col-rule { width: 230px; } th.col-where { width: 190px; } th.col-path { width: 180px; } th.col-status { width: 90px; }
td.rule { overflow: hidden; text-overflow: ellipsis; }
pre.frame .line.marked { background: #fff8c5; }
pre.frame .ln { display: inline-block; min-width: 48px; padding-right: 10px; text-align: right; color: var(--muted); user-select: none; }
.status { font-size: 12px; } .status-new { color: var(--error); font-weight: 600; } .status-existing { color: var(--muted); }
noscript p { color: var(--error); }
`;
