/** The management cycle (methodology §1): catalogue, evaluation, municipal matrix and its sheet. */
export * from "./catalogue";
export * from "./dates";
export * from "./evaluate";
export * from "./matrix";
export * from "./parse-direction";
export * from "./flags";
export * from "./municipal";
export * from "./links";
