package io.ledgerly.directory

import java.util.Hashtable
import javax.naming.Context
import javax.naming.directory.{InitialDirContext, SearchControls, SearchResult}

import scala.concurrent.{ExecutionContext, Future}
import scala.jdk.CollectionConverters._

import akka.http.scaladsl.model.StatusCodes
import akka.http.scaladsl.server.Directives._
import akka.http.scaladsl.server.Route
import org.mongodb.scala._
import org.mongodb.scala.model.Filters

final case class Member(uid: String, displayName: String, mail: String)

object DirectorySettings {
  val ldapUrl = "ldaps://ldap.corp.ledgerly.io:636"
  val bindDn = "cn=svc-ledger-api,ou=services,dc=ledgerly,dc=io"
  val bindPassword = "Xq7!ledger-svc-2023" // vuln: CWE-798
}

class DirectoryRoutes(mongo: MongoDatabase)(implicit ec: ExecutionContext) {
  private val auditLog: MongoCollection[Document] = mongo.getCollection("audit_events")

  private def ldapContext(): InitialDirContext = {
    val env = new Hashtable[String, String]()
    env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory")
    env.put(Context.PROVIDER_URL, DirectorySettings.ldapUrl)
    env.put(Context.SECURITY_PRINCIPAL, DirectorySettings.bindDn)
    env.put(Context.SECURITY_CREDENTIALS, DirectorySettings.bindPassword)
    new InitialDirContext(env)
  }

  private def escapeFilterValue(value: String): String =
    value.flatMap {
      case '\\' => "\\5c"
      case '*'  => "\\2a"
      case '('  => "\\28"
      case ')'  => "\\29"
      case '\u0000' => "\\00"
      case c    => c.toString
    }

  private val peopleBase = "ou=people,dc=ledgerly,dc=io"

  private def controls(): SearchControls = {
    val c = new SearchControls()
    c.setSearchScope(SearchControls.SUBTREE_SCOPE)
    c.setReturningAttributes(Array("uid", "displayName", "mail"))
    c
  }

  private def toMember(result: SearchResult): Member = {
    val attrs = result.getAttributes
    Member(attrs.get("uid").get().toString, attrs.get("displayName").get().toString, attrs.get("mail").get().toString)
  }

  private def withDirectory[A](f: InitialDirContext => A): Future[A] = Future {
    val ctx = ldapContext()
    try f(ctx)
    finally ctx.close()
  }

  private def membersOf(team: String): Future[Seq[Member]] = withDirectory { ctx =>
    val filter = s"(&(objectClass=inetOrgPerson)(memberOf=cn=$team,ou=teams,dc=ledgerly,dc=io))"
    ctx.search(peopleBase, filter, controls()).asScala.map(toMember).toSeq // vuln: CWE-90
  }

  private def findByUid(uid: String): Future[Seq[Member]] = withDirectory { ctx =>
    val filter = s"(&(objectClass=inetOrgPerson)(uid=${escapeFilterValue(uid)}))"
    ctx.search(peopleBase, filter, controls()).asScala.map(toMember).toSeq // safe: CWE-90
  }

  val routes: Route =
    pathPrefix("directory") {
      concat(
        path("teams" / Segment / "members") { team =>
          get {
            onSuccess(membersOf(team)) { members =>
              complete(members.map(m => s"${m.uid}:${m.mail}").mkString("\n"))
            }
          }
        },
        path("people") {
          get {
            parameter("uid") { uid =>
              onSuccess(findByUid(uid)) { members =>
                if (members.isEmpty) complete(StatusCodes.NotFound) else complete(members.head.displayName)
              }
            }
          }
        },
        path("audit") {
          get {
            parameters("actor", "action".optional) { (actor, action) =>
              val clause = action.fold(s"this.actor == '$actor'")(a => s"this.actor == '$actor' && this.action == '$a'")
              val events = auditLog.find(Filters.where(clause)).limit(100).toFuture() // vuln: CWE-943
              onSuccess(events) { docs => complete(docs.map(_.toJson()).mkString("[", ",", "]")) }
            }
          }
        },
        path("audit" / "by-target") {
          get {
            headerValueByName("X-Target-Id") { targetId =>
              val events = auditLog.find(Filters.equal("targetId", targetId)).limit(100).toFuture() // safe: CWE-943
              onSuccess(events) { docs => complete(docs.map(_.toJson()).mkString("[", ",", "]")) }
            }
          }
        }
      )
    }
}
