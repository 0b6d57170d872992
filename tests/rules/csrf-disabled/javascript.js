// bastion-fixture: server/app.js
// Session cookies authenticate every route, and the CSRF checks are switched off.
const express = require('express');
const session = require('express-session');
const lusca = require('lusca');
const csurf = require('csurf');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
// expect: csrf-disabled
app.use(lusca({ csrf: false, xframe: 'SAMEORIGIN', nosniff: true }));
// expect: csrf-disabled
app.use('/forms', csurf({ cookie: true, ignoreMethods: ['GET', 'HEAD', 'OPTIONS', 'POST'] }));

module.exports = app;
