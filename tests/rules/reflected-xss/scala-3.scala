// bastion-fixture: app/controllers/OrderPrintController.scala
// The page title from the query string is written into HTML inside a partial function.
package controllers

import javax.inject.Inject
import scala.concurrent.ExecutionContext

import play.api.mvc._
import play.twirl.api.Html

class OrderPrintController @Inject()(cc: ControllerComponents, repo: OrderRepository)(implicit ec: ExecutionContext)
    extends AbstractController(cc) {

  def printable(id: Long): Action[AnyContent] = Action.async { implicit request =>
    val title = request.getQueryString("title").getOrElse("Order")
    repo.find(id).map {
      case Some(order) =>
// expect: reflected-xss
        Ok(Html(s"<html><head><title>$title</title></head><body><h1>$title #${order.id}</h1></body></html>"))
      case None => NotFound
    }
  }
}
