// bastion-fixture: src/routes/user/apps/AppRouter.ts
// An object built with `new` is sent as JSON by Express (`application/json`), not as a page,
// whatever text from the request it carries.
import express = require('express')
import BaseApi from '../../api/BaseApi'

const router = express.Router()

router.post('/enablessl/', function (req, res) {
    const appName = req.body.appName
    const msg = `SSL is enabled for: ${appName}`
// ok: reflected-xss
    res.send(new BaseApi(100, msg))
})

export default router
