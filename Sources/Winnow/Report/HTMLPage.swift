import Foundation

/// The fixed parts of the HTML report: its style sheet and the optional filter script.
enum HTMLPage {
  static let style = """
    body{font:14px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:0 auto;\
    max-width:1240px;padding:0 16px;color:#1f2328}
    h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #d0d7de;margin-top:28px}
    h3{font-size:15px}code{font-size:12px;background:#f6f8fa;padding:0 3px}
    .meta,.note{color:#57606a}table{border-collapse:collapse;margin:6px 0}
    th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
    table.figures td.figure{font-weight:600;font-size:16px}
    td.up{color:#0550ae}td.down{color:#953800}td.flat{color:#57606a}
    .grid{display:flex;flex-wrap:wrap;gap:8px}figure{margin:0}figcaption{font-size:12px;color:#57606a}
    svg.chart{background:#fff;border:1px solid #eaeef2}svg .bar{fill:#54aeff}
    svg .axis{stroke:#8c959f}svg .threshold{stroke:#cf222e;stroke-dasharray:4 3;fill:#cf222e}
    svg text{font-size:11px;fill:#1f2328;stroke:none}svg text.threshold{fill:#cf222e}
    svg .trend{fill:none;stroke:#0969da;stroke-width:2}svg .point{fill:#0969da}
    svg .point.current{fill:#cf222e}tr.current td{font-weight:600;background:#fff8c5}
    details.cluster{border:1px solid #d0d7de;margin:8px 0;padding:4px 8px}
    summary{cursor:pointer;font-weight:600}
    table.diff{table-layout:fixed;width:100%}table.diff td{width:50%;white-space:pre-wrap;word-break:break-all}
    table.diff td.same,mark{background:#dafbe1;color:inherit}
    del{background:#ffebe9;text-decoration:none}ins{background:#fff8c5;text-decoration:none}
    """

  /// Shows the filter box and hides table rows that do not contain its text. The page is
  /// complete without it (the box stays hidden when scripts do not run).
  static let filterScript = """
    (function(){var box=document.getElementById("filter-box"),input=document.getElementById("filter");\
    if(!box||!input)return;box.hidden=false;input.addEventListener("input",function(){\
    var q=input.value.toLowerCase();document.querySelectorAll("table.rows tbody tr").forEach(\
    function(tr){tr.style.display=!q||tr.textContent.toLowerCase().indexOf(q)>=0?"":"none";});});})();
    """

  /// The script's hash for the Content-Security-Policy: the only script the page runs.
  static let scriptHash =
    "sha256-" + Data(SHA256Digest.of(Data(filterScript.utf8))).base64EncodedString()
}
