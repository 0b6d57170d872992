// bastion-fixture: src/routes/user/apps/StatusRouter.ts
// The same message sent as a string is written into an HTML response.
import express = require('express')

const router = express.Router()

router.post('/status/', function (req, res) {
    const appName = req.body.appName
    const msg = `<p>SSL is enabled for: ${appName}</p>`
// expect: reflected-xss
    res.send(msg)
})

export default router
