package dev.runtrail.runs.internal.report;

/** The report's inline stylesheet (no external fonts, images or imports). */
final class ReportStyle {

  private ReportStyle() {}

  static final String CSS = String.join("\n",
      "*{box-sizing:border-box}",
      "body{margin:0;font:13px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;background:#f6f8fa}",
      "header{padding:14px 20px;background:#fff;border-bottom:1px solid #d0d7de}",
      "h1{margin:0 0 8px;font-size:18px;font-family:ui-monospace,Menlo,Consolas,monospace}",
      "h2{margin:0 0 10px;font-size:15px}",
      "h3{margin:12px 0 6px;font-size:13px}",
      ".status{display:inline-block;padding:1px 8px;border-radius:10px;font:600 12px system-ui,sans-serif;vertical-align:middle}",
      ".status.ok{background:#dafbe1;color:#116329}.status.failed{background:#ffebe9;color:#a40e26}",
      ".status.cancelled{background:#fff8c5;color:#7d4e00}",
      ".facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:2px 16px;margin:0}",
      ".facts div{display:flex;gap:6px;min-width:0}.facts dt{color:#59636e;flex:none}",
      ".facts dd{margin:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-family:ui-monospace,Menlo,monospace}",
      ".layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;padding:16px 20px}",
      "section,aside{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px;min-width:0}",
      ".axis{display:grid;grid-template-columns:220px 1fr;color:#59636e;font-size:11px}",
      ".ticks{position:relative;height:16px;border-bottom:1px solid #d0d7de}",
      ".ticks span{position:absolute;transform:translateX(-50%)}",
      ".ticks span:first-child{transform:none}.ticks span:last-child{transform:translateX(-100%)}",
      ".row{display:grid;grid-template-columns:220px 1fr;align-items:center;min-height:34px;border-bottom:1px solid #f0f2f4}",
      ".label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-family:ui-monospace,Menlo,monospace;padding-right:8px}",
      ".track{position:relative;height:30px}",
      ".bar{position:absolute;top:10px;height:16px;min-width:2px;border-radius:3px;background:#54aeff;overflow:visible}",
      ".bar.ok{background:#4ac26b}.bar.failed{background:#cf222e}.bar.cancelled{background:#d4a72c}",
      ".bar.critical{box-shadow:0 0 0 2px #0969da}",
      ".bar-text{position:absolute;left:4px;top:0;font-size:11px;line-height:16px;white-space:nowrap;color:#1f2328}",
      ".bar.failed .bar-text{color:#fff;font-weight:600}",
      ".retry{position:absolute;top:8px;width:0;height:20px;margin-left:-1px;border-left:2px solid #fff;box-shadow:0 0 0 1px #bc4c00}",
      ".retry::after{content:'\\21BB';position:absolute;left:-8px;top:-9px;width:14px;height:14px;border-radius:7px;"
          + "background:#bc4c00;color:#fff;font-size:10px;line-height:14px;text-align:center}",
      ".legend{margin-top:8px;color:#59636e;font-size:11px}",
      ".legend span{margin-right:14px}",
      ".failure{margin-top:16px;border-color:#cf222e}",
      "pre{margin:0;padding:8px;background:#1f2328;color:#f0f3f6;border-radius:4px;overflow:auto;max-height:320px;font:12px/1.4 ui-monospace,Menlo,monospace;white-space:pre-wrap;word-break:break-word}",
      "table{width:100%;border-collapse:collapse;font-size:12px}",
      "th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #eaeef2;vertical-align:top}",
      "th{color:#59636e;font-weight:600}",
      "td code{font:11px ui-monospace,Menlo,monospace;word-break:break-word;white-space:pre-wrap}",
      "td.step code{white-space:nowrap;word-break:normal}",
      "tr.error td{background:#fff5f5}",
      ".muted{color:#59636e}",
      "");
}
