// ECharts, tree-shaken to the few chart types the dashboard uses.
import * as echarts from "echarts/core";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { FONT } from "./graphview";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type Pair = [string, number];
export type Chart = echarts.ECharts;

/** Stats come as {key: n} or [{key|detector|status|month|region|name, count|n|value}]: both become pairs. */
export function pairs(v: unknown): Pair[] {
  if (!v) return [];
  if (Array.isArray(v)) {
    return v.map((x) => {
      if (Array.isArray(x)) return [String(x[0]), Number(x[1])] as Pair;
      const o = x as Record<string, unknown>;
      const key = o.key ?? o.detector ?? o.status ?? o.month ?? o.region ?? o.name ?? Object.values(o).find((y) => typeof y === "string");
      const n = o.count ?? o.n ?? o.value ?? o.flags ?? Object.values(o).find((y) => typeof y === "number");
      return [String(key ?? "?"), Number(n ?? 0)] as Pair;
    });
  }
  if (typeof v === "object") return Object.entries(v as Record<string, unknown>).map(([k, n]) => [k, Number(n)] as Pair);
  return [];
}

const PALETTE = ["#2f6fd0", "#e08a12", "#16a3a0", "#c8414b", "#7b4fc9", "#8a5a2b", "#5c6670", "#d6336c", "#3f9e4d"];

function base(el: HTMLElement): echarts.ECharts {
  const c = echarts.init(el, undefined, { renderer: "canvas" });
  c.setOption({ animation: false });
  return c;
}

export function barChart(el: HTMLElement, data: Pair[], horizontal: boolean, onClick?: (key: string) => void): echarts.ECharts {
  const c = base(el);
  const cat = { type: "category" as const, data: data.map((d) => d[0]), axisLabel: { fontFamily: FONT, interval: 0, width: horizontal ? 170 : 80, overflow: "truncate" as const } };
  const val = { type: "value" as const, minInterval: 1, axisLabel: { fontFamily: FONT } };
  c.setOption({
    color: PALETTE,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: "axis" },
    grid: { left: horizontal ? 180 : 40, right: 20, top: 16, bottom: horizontal ? 24 : 40 },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: [{ type: "bar", data: data.map((d) => d[1]), barMaxWidth: 28, label: { show: true, position: horizontal ? "right" : "top", fontFamily: FONT } }],
  });
  if (onClick) c.on("click", (p) => onClick(String(p.name)));
  return c;
}

export function pieChart(el: HTMLElement, data: Pair[], onClick?: (key: string) => void, colours: (string | undefined)[] = []): echarts.ECharts {
  const c = base(el);
  c.setOption({
    color: PALETTE,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
    legend: { bottom: 0, textStyle: { fontFamily: FONT } },
    series: [{ type: "pie", radius: ["38%", "66%"], center: ["50%", "44%"], data: data.map(([name, value], i) => ({ name, value, itemStyle: colours[i] ? { color: colours[i] } : undefined })), label: { fontFamily: FONT, formatter: "{b} {c}" } }],
  });
  if (onClick) c.on("click", (p) => onClick(String((p.data as { key?: string; name: string }).key ?? p.name)));
  return c;
}

export function lineChart(el: HTMLElement, data: Pair[]): echarts.ECharts {
  const c = base(el);
  c.setOption({
    color: PALETTE,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: "axis" },
    grid: { left: 40, right: 20, top: 16, bottom: 30 },
    xAxis: { type: "category", data: data.map((d) => d[0]) },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "bar", data: data.map((d) => d[1]), barMaxWidth: 24, itemStyle: { color: "#7b4fc9" } }],
  });
  return c;
}
