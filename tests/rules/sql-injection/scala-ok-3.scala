// bastion-fixture: src/main/scala/search/SearchEndpoints.scala
// The Tapir input is bound as a parameter; a `handler` outside ZIO HTTP is not a route.
package search

import java.sql.Connection
import scala.concurrent.Future
import sttp.tapir._

class SearchEndpoints(conn: Connection) {
  val byTitle = endpoint.get.in("books").in(query[String]("title")).out(stringBody)

  val byTitleLogic = byTitle.serverLogicSuccess[Future] { title =>
    val ps = conn.prepareStatement("select id from books where title = ?")
    ps.setString(1, title)
// ok: sql-injection
    val rs = ps.executeQuery()
    Future.successful(if (rs.next()) rs.getString(1) else "")
  }

  def handler(f: String => Unit): Unit = f("books")

  handler { table =>
    val st = conn.createStatement()
    st.executeQuery("select count(*) from " + table)
  }
}
