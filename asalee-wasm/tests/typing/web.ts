import init, { initSync } from "asalee";
import { check } from "./common.js";

await init();
initSync({ module: new Uint8Array() });
check("", new Uint8Array());
