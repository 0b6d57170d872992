// bastion-fixture: src/main/scala/shop/web/LeaveController.scala
package shop.web

import org.scalatra._

trait LeaveControllerBase extends ControllerBase {
  get("/:shop/leave")(ownersOnly { shop =>
    val back = request.getParameter("back")
// expect: open-redirect
    redirect(back)
  })
}
