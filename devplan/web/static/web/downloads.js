// The reports page: a document not yet built for the current data takes seconds to build, and a plain
// download link leaves the page with no sign of progress — nor of a refusal (a busy server answers 429,
// which the browser drops silently). So while a group is not built, a click fetches the file here: a bar
// shows while the server builds it, the file is then saved under the server's name, and a refusal's
// sentence is shown instead of nothing.
(function () {
  "use strict";
  var panel = document.getElementById("building");
  if (!panel) { return; }
  var note = panel.querySelector("p");
  var bar = panel.querySelector("progress");
  var waiting = note.textContent;

  function filename(response, link) {
    var header = response.headers.get("Content-Disposition") || "";
    var match = /filename\*=utf-8''([^;]+)/i.exec(header);
    return match ? decodeURIComponent(match[1]) : link.getAttribute("href").split("/").pop();
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = name;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function refused(response) {
    return response.text().then(function (page) {
      var text = new DOMParser().parseFromString(page, "text/html").body.textContent || "";
      return text.replace("返回首页", "").trim() || "文件未能生成（" + response.status + "）：请稍后再试";
    });
  }

  document.querySelectorAll("ul.downloads").forEach(function (list) {
    list.addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (!link || list.dataset.ready === "1") { return; }
      event.preventDefault();
      note.textContent = waiting;
      bar.hidden = false;
      panel.hidden = false;
      fetch(link.href, { credentials: "same-origin" }).then(function (response) {
        if (response.redirected) {  // the login has ended: go where the server sends us, not save its page
          window.location.assign(response.url);
          return undefined;
        }
        if (!response.ok) {
          return refused(response).then(function (sentence) {
            note.textContent = sentence;
            bar.hidden = true;
          });
        }
        return response.blob().then(function (blob) {
          save(blob, filename(response, link));
          list.dataset.ready = "1";
          var said = list.parentElement.querySelector("p.built");
          if (said) { said.textContent = "已按最新数据生成，点击即下载。"; }
          panel.hidden = true;
        });
      }).catch(function () {
        note.textContent = "与服务器的连接中断，文件未能下载：请检查网络后再试";
        bar.hidden = true;
      });
    });
  });
}());
