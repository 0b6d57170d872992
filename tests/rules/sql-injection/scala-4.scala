// bastion-fixture: src/main/scala/search/SearchEndpoints.scala
// A Tapir endpoint's query input, handed to the server logic, spliced into JDBC text.
package search

import java.sql.Connection
import scala.concurrent.Future
import sttp.tapir._
import sttp.tapir.server.ServerEndpoint

class SearchEndpoints(conn: Connection) {
  val byTitle: PublicEndpoint[String, Unit, String, Any] =
    endpoint.get.in("books").in(query[String]("title")).out(stringBody)

  val byTitleLogic: ServerEndpoint[Any, Future] = byTitle.serverLogicSuccess[Future] { title =>
    val st = conn.createStatement()
// expect: sql-injection
    val rs = st.executeQuery(s"select id from books where title = '$title'")
    Future.successful(if (rs.next()) rs.getString(1) else "")
  }
}
