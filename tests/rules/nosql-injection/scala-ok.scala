// bastion-fixture: app/controllers/AuditController.scala
// ok: nosql-injection
package controllers

import javax.inject.Inject
import org.mongodb.scala._
import org.mongodb.scala.model.Filters
import play.api.mvc._
import scala.concurrent.ExecutionContext

class AuditController @Inject()(db: MongoDatabase, cc: ControllerComponents)(implicit ec: ExecutionContext)
    extends AbstractController(cc) {
  private val auditLog = db.getCollection("audit")

  // The actor is a bound value of an equality filter, never query text.
  def byActor(actor: String) = Action.async { implicit request =>
    auditLog.find(Filters.equal("actor", actor)).limit(100).toFuture().map(events => Ok(events.size.toString))
  }

  def recent() = Action.async { implicit request =>
    auditLog.find(Filters.where("this.at > Date.now() - 86400000")).toFuture().map(e => Ok(e.size.toString))
  }
}
