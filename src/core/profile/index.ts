export * from "./params";
export * from "./tables";
export * from "./profile";
