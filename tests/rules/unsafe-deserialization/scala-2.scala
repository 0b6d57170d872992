// bastion-fixture: app/controllers/CartController.scala
// The cookie's value is bound by the `case` pattern, then read back as Java objects.
package controllers

import java.io.{ByteArrayInputStream, ObjectInputStream}
import java.util.Base64
import javax.inject.Inject

import play.api.mvc._

class CartController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {

  def restoreCart: Action[AnyContent] = Action { request =>
    request.cookies.get("cart_snapshot") match {
      case None => NoContent
      case Some(c) =>
        val bytes = Base64.getDecoder.decode(c.value)
        val in = new ObjectInputStream(new ByteArrayInputStream(bytes))
        try {
// expect: unsafe-deserialization
          val cart = in.readObject()
          Ok(cart.toString)
        } finally in.close()
    }
  }
}
