// bastion-fixture: src/main/scala/shop/web/OrdersController.scala
// ok: open-redirect
package shop.web

import java.net.URLEncoder
import org.scalatra._

trait OrdersControllerBase extends ControllerBase {
  // The search text is URL-encoded into the query string of our own path: it cannot
  // name another host.
  get("/:shop/orders")(ownersOnly { shop =>
    val q = request.getParameter("q")
    redirect(s"/${shop.name}/search?q=${URLEncoder.encode(q, "UTF-8")}&scope=orders")
  })
}
