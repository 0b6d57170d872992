package com.acme.people.directory

import scala.jdk.CollectionConverters._

import cats.effect.IO
import com.unboundid.ldap.sdk.{Filter, LDAPConnectionPool, SearchScope}
import doobie._
import doobie.implicits._
import io.circe.generic.auto._
import org.http4s.HttpRoutes
import org.http4s.circe.CirceEntityEncoder._
import org.http4s.dsl.io._
import org.mongodb.scala.MongoCollection
import org.mongodb.scala.bson.collection.immutable.Document

final case class Employee(id: Long, uid: String, fullName: String, email: String, department: String)
final case class SavedSearch(name: String, query: String)

final class DirectoryService(
    xa: Transactor[IO],
    ldap: LDAPConnectionPool,
    savedSearches: MongoCollection[Document],
    peopleBase: String,
    groupBase: String
) {

  def search(dept: String, name: String, orderBy: String): IO[List[Employee]] = {
    val pattern = s"%${name.trim}%"
    val base = fr"SELECT id, uid, full_name, email, department FROM employees WHERE department = $dept AND full_name ILIKE $pattern" // safe: CWE-89
    val order = Fragment.const(s"ORDER BY $orderBy LIMIT 200") // vuln: CWE-89
    (base ++ order).query[Employee].to[List].transact(xa)
  }

  def groupsOf(uid: String): IO[List[String]] = IO.blocking {
    val filter = s"(&(objectClass=groupOfNames)(member=uid=$uid,$peopleBase))"
    val result = ldap.search(groupBase, SearchScope.SUB, filter, "cn") // vuln: CWE-90
    result.getSearchEntries.asScala.toList.map(_.getAttributeValue("cn"))
  }

  def uidForMail(email: String): IO[Option[String]] = IO.blocking {
    val filter = Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "inetOrgPerson"), Filter.createEqualityFilter("mail", email))
    val result = ldap.search(peopleBase, SearchScope.ONE, filter, "uid") // safe: CWE-90
    result.getSearchEntries.asScala.headOption.map(_.getAttributeValue("uid"))
  }

  def savedFor(owner: String, tag: String): IO[List[SavedSearch]] = {
    val query = Document(s"""{"owner": "$owner", "tags": "$tag"}""")
    IO.fromFuture(IO(savedSearches.find(query).limit(50).toFuture())).map { docs => // vuln: CWE-943
      docs.toList.map(d => SavedSearch(d.getString("name"), d.getString("query")))
    }
  }
}

object DirectoryRoutes {
  object DeptParam extends QueryParamDecoderMatcher[String]("dept")
  object NameParam extends OptionalQueryParamDecoderMatcher[String]("name")
  object SortParam extends OptionalQueryParamDecoderMatcher[String]("sort")
  object TagParam extends OptionalQueryParamDecoderMatcher[String]("tag")
  object MailParam extends QueryParamDecoderMatcher[String]("mail")

  def apply(svc: DirectoryService, currentUser: org.http4s.Request[IO] => IO[String]): HttpRoutes[IO] =
    HttpRoutes.of[IO] {
      case GET -> Root / "employees" :? DeptParam(dept) +& NameParam(name) +& SortParam(sort) =>
        svc.search(dept, name.getOrElse(""), sort.getOrElse("full_name")).flatMap(Ok(_))

      case GET -> Root / "employees" / uid / "groups" =>
        svc.groupsOf(uid).flatMap(Ok(_))

      case GET -> Root / "lookup" :? MailParam(mail) =>
        svc.uidForMail(mail).flatMap {
          case Some(uid) => Ok(Map("uid" -> uid))
          case None      => NotFound()
        }

      case req @ GET -> Root / "saved-searches" :? TagParam(tag) =>
        currentUser(req).flatMap(owner => svc.savedFor(owner, tag.getOrElse("default"))).flatMap(Ok(_))
    }
}
