// bastion-fixture: app/controllers/AuditController.scala
package controllers

import javax.inject.Inject
import org.mongodb.scala._
import org.mongodb.scala.model.Filters
import play.api.mvc._
import scala.concurrent.ExecutionContext

class AuditController @Inject()(db: MongoDatabase, cc: ControllerComponents)(implicit ec: ExecutionContext)
    extends AbstractController(cc) {
  private val auditLog = db.getCollection("audit")

  def byActor(actor: String) = Action.async { implicit request =>
    val clause = s"this.actor == '$actor'"
// expect: nosql-injection
    auditLog.find(Filters.where(clause)).limit(100).toFuture().map(events => Ok(events.size.toString))
  }
}
