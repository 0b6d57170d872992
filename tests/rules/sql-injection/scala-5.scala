// bastion-fixture: src/main/scala/users/UserRoutes.scala
// ZIO HTTP: the handler's request, its query parameter concatenated into SQL.
package users

import java.sql.DriverManager
import zio._
import zio.http._

object UserRoutes {
  val routes = Routes(
    Method.GET / "users" -> handler { (req: Request) =>
      val id = req.url.queryParams.getAll("id").headOption.getOrElse("")
      val conn = DriverManager.getConnection("jdbc:postgresql://db/app")
// expect: sql-injection
      val rs = conn.createStatement().executeQuery("select name from users where id = " + id)
      Response.text(if (rs.next()) rs.getString(1) else "")
    }
  )
}
