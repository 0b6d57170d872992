// bastion-fixture: app/controllers/OrdersController.scala
package controllers

import anorm._
import javax.inject.Inject
import play.api.db.Database
import play.api.mvc._
import scala.concurrent.{ExecutionContext, Future}

class OrderRepository @Inject()(db: Database)(implicit ec: ExecutionContext) {
  def recent(sortBy: String, limit: Int): Future[List[Long]] = Future {
    db.withConnection { implicit c =>
// expect: sql-injection
      SQL"SELECT id FROM orders ORDER BY #$sortBy DESC LIMIT $limit".as(SqlParser.long("id").*)
    }
  }
}

class OrdersController @Inject()(repo: OrderRepository, cc: ControllerComponents)(implicit ec: ExecutionContext)
    extends AbstractController(cc) {
  def recent: Action[AnyContent] = Action.async { implicit request =>
    val sort = request.getQueryString("sort").getOrElse("created_at")
    repo.recent(sort, 20).map(ids => Ok(ids.mkString(",")))
  }
}
