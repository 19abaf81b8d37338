#!/usr/bin/env node
'use strict';
// The irplan command line; the bundle is built by `npm run build`.
require('../dist/cli.js');
