// bastion-fixture: server/app.js
// ok: csrf-disabled
// CSRF tokens checked for every state-changing method.
const express = require('express');
const session = require('express-session');
const lusca = require('lusca');
const csurf = require('csurf');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(lusca({ csrf: true, xframe: 'SAMEORIGIN', nosniff: true }));
app.use('/forms', csurf({ cookie: true, ignoreMethods: ['GET', 'HEAD', 'OPTIONS'] }));

module.exports = app;
