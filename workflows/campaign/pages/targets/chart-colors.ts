// The targets chart's colours, shared with its legend outside the (lazily loaded) chart.
export const CHART_COLORS = { target: '#d9d9d9', met: '#389e0d', notMet: '#4096ff' };
