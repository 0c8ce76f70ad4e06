// The reports page: a document not yet built for the current data takes seconds to build, and a download
// leaves the page with no sign of progress. Show a bar until the server's answer sets the cookie named by
// the link's token (devplan.web.views.reports.report_file), then mark the group as built.
(function () {
  "use strict";
  var panel = document.getElementById("building");
  if (!panel) { return; }
  document.querySelectorAll("ul.downloads").forEach(function (list) {
    list.addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (!link || list.dataset.ready === "1") { return; }
      var token = Math.random().toString(36).slice(2, 12);
      var url = new URL(link.href, window.location.href);
      url.searchParams.set("t", token);
      link.href = url.toString();
      panel.hidden = false;
      var started = Date.now();
      var timer = window.setInterval(function () {
        var arrived = document.cookie.split("; ").indexOf("devplan_download=" + token) >= 0;
        if (arrived || Date.now() - started > 120000) {
          window.clearInterval(timer);
          panel.hidden = true;
          if (arrived) { list.dataset.ready = "1"; }
        }
      }, 400);
    });
  });
}());
