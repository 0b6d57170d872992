// bastion-fixture: server/auth/client-credentials.js
// ok: secret-literal
const express = require("express")

function authorizeRequest({ passwordType, clientId, clientSecret }, req) {
  if (passwordType === "basic") {
    req.headers.authorization = "Basic " + btoa(clientId + ":" + clientSecret)
  } else if (passwordType === "request") {
    req.query = Object.assign(req.query, { client_id: clientId })
  }
  return req
}

module.exports = { authorizeRequest, router: express.Router() }
