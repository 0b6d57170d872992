// bastion-fixture: src/main/scala/dir/DirectoryRoutes.scala
// The team name matched by an Akka HTTP path segment is spliced into an LDAP filter.
package dir

import javax.naming.directory.{InitialDirContext, SearchControls}
import scala.concurrent.Future
import scala.jdk.CollectionConverters._

import akka.http.scaladsl.server.Directives._
import akka.http.scaladsl.server.Route

class DirectoryRoutes {
  private def controls(): SearchControls = new SearchControls()

  private def withDirectory[A](f: InitialDirContext => A): Future[A] = Future {
    val ctx = new InitialDirContext()
    try f(ctx)
    finally ctx.close()
  }

  private def membersOf(team: String): Future[Seq[String]] = withDirectory { ctx =>
    val filter = s"(&(objectClass=inetOrgPerson)(memberOf=cn=$team,ou=teams,dc=acme,dc=io))"
// expect: ldap-injection
    ctx.search("ou=people,dc=acme,dc=io", filter, controls()).asScala.map(_.getName).toSeq
  }

  val routes: Route =
    path("teams" / Segment / "members") { team =>
      get {
        onSuccess(membersOf(team)) { members => complete(members.mkString(",")) }
      }
    }
}
