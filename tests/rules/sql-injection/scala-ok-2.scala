// bastion-fixture: app/controllers/OrdersController.scala
// ok: sql-injection
package controllers

import anorm._
import javax.inject.Inject
import play.api.db.Database
import play.api.mvc._
import scala.concurrent.{ExecutionContext, Future}

class OrderRepository @Inject()(db: Database)(implicit ec: ExecutionContext) {
  // Anorm binds `$customer` as a parameter.
  def forCustomer(customer: String): Future[List[Long]] = Future {
    db.withConnection { implicit c =>
      SQL"SELECT id FROM orders WHERE customer_id = $customer".as(SqlParser.long("id").*)
    }
  }
}

class OrdersController @Inject()(repo: OrderRepository, cc: ControllerComponents)(implicit ec: ExecutionContext)
    extends AbstractController(cc) {
  def byCustomer: Action[AnyContent] = Action.async { implicit request =>
    val customer = request.getQueryString("customer").getOrElse("")
    repo.forCustomer(customer).map(ids => Ok(ids.mkString(",")))
  }
}
