/* Charts of devplan's pages (ECharts, vendored). Data comes from json_script blocks; no inline scripts. */
(function () {
  "use strict";
  var LIGHT_COLOURS = { green: "#2e8b57", yellow: "#d4a017", red: "#c0392b", none: "#9aa0a6" };
  // Tooltips drawn inside the chart: HTML tooltips carry inline styles, which the CSP (style-src 'self') blocks.
  var TOOLTIP_MODE = "richText";
  var charts = [];

  function data(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function mount(id, option) {
    var node = document.getElementById(id);
    if (!node || typeof echarts === "undefined") { return; }
    var chart = echarts.init(node, null, { renderer: "svg" });
    chart.setOption(option);
    charts.push(chart);
  }

  function narrow() { return window.innerWidth < 640; }

  function progressChart(d) {
    return {
      animation: false,
      grid: { left: 40, right: 12, top: 36, bottom: narrow() ? 90 : 64 },
      legend: { data: ["完成进度", "序时进度"], top: 0 },
      tooltip: { trigger: "axis", renderMode: TOOLTIP_MODE, valueFormatter: function (v) { return v === null || v === undefined ? "—" : v + "%"; } },
      xAxis: { type: "category", data: d.names, axisLabel: narrow() ? { interval: 0, rotate: 35, fontSize: 10 } : { interval: 0, width: 80, overflow: "break" } },
      yAxis: { type: "value", name: "%", min: 0, max: function (v) { return Math.max(120, Math.ceil(v.max / 10) * 10); } },
      series: [
        {
          name: "完成进度", type: "bar", barMaxWidth: 48, color: LIGHT_COLOURS.green,
          data: d.completion.map(function (v, i) {
            return { value: v, itemStyle: { color: LIGHT_COLOURS[d.lights[i]] } };
          }),
          label: { show: !narrow(), position: "top", formatter: function (p) { return p.value === null || p.value === undefined ? "" : p.value + "%"; } }
        },
        { name: "序时进度", type: "line", data: d.expected, symbol: "diamond", symbolSize: 10, lineStyle: { type: "dashed", color: "#34495e" }, itemStyle: { color: "#34495e" } }
      ]
    };
  }

  function seriesChart(d) {
    return {
      animation: false,
      grid: { left: 56, right: 48, top: 40, bottom: 32 },
      legend: { data: [d.year + "年累计", (d.year - 1) + "年累计", "同比增长(%)"], top: 0 },
      tooltip: { trigger: "axis", renderMode: TOOLTIP_MODE },
      xAxis: { type: "category", data: d.months },
      yAxis: [{ type: "value", name: d.unit }, { type: "value", name: "%", splitLine: { show: false } }],
      series: [
        { name: d.year + "年累计", type: "bar", data: d.value, itemStyle: { color: "#1f5fa8" }, barMaxWidth: 28 },
        { name: (d.year - 1) + "年累计", type: "bar", data: d.last_year, itemStyle: { color: "#b8c7dc" }, barMaxWidth: 28 },
        { name: "同比增长(%)", type: "line", yAxisIndex: 1, data: d.growth_pct, connectNulls: true, itemStyle: { color: "#c0392b" } }
      ]
    };
  }

  function lightBars(id, name, values, d) {
    // One bar per name (county, task), in the order given, coloured by its light; the container grows with them.
    var node = document.getElementById(id);
    if (node) { node.style.height = Math.max(240, d.names.length * 22 + 60) + "px"; }
    return {
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: "axis", renderMode: TOOLTIP_MODE, valueFormatter: function (v) { return v + "%"; } },
      xAxis: { type: "value", name: "%" },
      yAxis: { type: "category", inverse: true, data: d.names, axisLabel: { interval: 0, fontSize: 11 } },
      series: [{
        name: name, type: "bar", barMaxWidth: 16,
        data: values.map(function (v, i) { return { value: v, itemStyle: { color: LIGHT_COLOURS[d.lights[i]] } }; }),
        // The number as stated (9.0 stays 9.0), not the bar's float.
        label: { show: true, position: "right", formatter: function (p) { return (d.labels ? d.labels[p.dataIndex] : p.value) + "%"; } }
      }]
    };
  }

  function pipelineChart(d) {
    // One stacked bar per stage of a pipeline (谋划 → 到位, 在谈 → 投产), one colour per source or chain.
    return {
      animation: false,
      grid: { left: 8, right: 16, top: 40, bottom: 24, containLabel: true },
      legend: { type: "scroll", top: 0 },
      tooltip: { trigger: "axis", renderMode: TOOLTIP_MODE },
      xAxis: { type: "category", data: d.stages },
      yAxis: { type: "value", name: d.unit },
      series: d.series.map(function (s) { return { name: s.name, type: "bar", stack: "stage", barMaxWidth: 48, data: s.values }; })
    };
  }

  var pipeline = data("pipeline-data");
  if (pipeline) { mount("pipeline-chart", pipelineChart(pipeline)); }
  var tasks = data("tasks-data");
  if (tasks) { mount("tasks-chart", lightBars("tasks-chart", "完成进度", tasks.values, tasks)); }
  var progress = data("progress-data");
  if (progress) { mount("progress-chart", progressChart(progress)); }
  var series = data("series-data");
  if (series) { mount("series-chart", seriesChart(series)); }
  var ranking = data("ranking-data");
  if (ranking) { mount("ranking-chart", lightBars("ranking-chart", "同比增长", ranking.growth, ranking)); }
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.resize(); }); });
}());
