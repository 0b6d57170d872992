// bastion-fixture: src/middleware/submissionHandler.js
// ok: mass-assignment
const _ = require("lodash");

// The request body is the object written to: server-collected headers go into it.
function setRequestHeaders(req) {
  const reqHeaders = _.pick(req.headers, ["user-agent", "referer"]);
  _.set(req.body, "metadata.headers", reqHeaders);
  Object.assign(req.body, { owner: req.user._id });
}

module.exports = { setRequestHeaders };
