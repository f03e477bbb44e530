#!/usr/bin/env node
"use strict";
const cli = require("../dist/cli/main.js");
cli.endQuietlyWhenOutputCloses();
process.exitCode = cli.main(process.argv.slice(2));
