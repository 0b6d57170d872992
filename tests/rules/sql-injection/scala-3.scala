// bastion-fixture: app/controllers/UserSearch.scala
// The query parameter is bound by the `case` of a match whose value is the result.
package controllers

import javax.inject.Inject

import anorm._
import play.api.db.Database
import play.api.mvc._

class UserSearch @Inject()(cc: ControllerComponents, db: Database) extends AbstractController(cc) {

  def find: Action[AnyContent] = Action { request =>
    val ids = request.getQueryString("name") match {
      case Some(name) =>
        db.withConnection { implicit c =>
// expect: sql-injection
          SQL("SELECT id FROM users WHERE name = '" + name + "'").as(SqlParser.str("id").*)
        }
      case None => Nil
    }
    Ok(ids.mkString(","))
  }
}
