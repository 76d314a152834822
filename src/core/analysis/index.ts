/**
 * The analysis engine of §3–§6 for one municipality: signs, risk, clusters, stability and the
 * Russian explanations of each flag.
 */
export * from "./analyze";
export * from "./explain";
export { buildContext, type AnalysisContext } from "../context/context";
export { buildUnitIndex, unitKey, unitQuality, unitBelowShare, type UnitStats, type UnitIndex } from "../context/units";
export { quantilePositions, type QuantilePosition } from "../context/quantile";
export { standardizedResults } from "../context/standardized";
export {
  attachFiokoData,
  fiokoDataKind,
  looksLikeFiokoData,
  readFiokoData,
  type FiokoData,
  type FiokoDataKind,
  type FiokoDataSheet,
} from "./fioko-data";
