/**
 * The sample municipality in one import: the generator, the injected-situations manifest and
 * the mark scales the sample's marks were derived with.
 */
export { generateMunicipality, generateSchools, generateSchool, DEFAULT_SEED, DEFAULT_YEARS } from "./generate";
export type { SampleOptions, GeneratedSchool } from "./generate";
export type { InjectedSituation, ExpectedRule } from "./situations";
export { OBJECTIVITY_ROLES } from "./situations";
export { sampleMarkScales, scaleFor, markOf } from "./scales";
export { BASE_ROSTER, MUNICIPALITY_NAME } from "./roster";
export { Rng } from "./random";
