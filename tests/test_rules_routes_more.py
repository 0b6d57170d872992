"""Routes and route conventions in Go, Spring (Java, Kotlin), Rails routes.rb and Laravel."""

from __future__ import annotations

import difflib

import pytest

from bot.diff import added_file, parse_diff
from bot.models import ChangedFile, Finding
from bot.rules.engine import run_rules
from bot.rules.lib.route_readers import routes
from bot.select import select_backend


def _file(path: str, code: str) -> ChangedFile:
    kept, skipped = select_backend([added_file(path, code)])
    assert not skipped, skipped
    return kept[0]


def _found(path: str, code: str) -> list[tuple[str, str | None, int]]:
    return [(r.path, r.method, r.node.range().start.line + 1) for r in routes(_file(path, code))]


def _run(files: list[ChangedFile], rule: str) -> list[Finding]:
    kept, _ = select_backend(files)
    run = run_rules(kept, only=[rule])
    assert not run.errors, run.errors
    return [f for f in run.findings if f.rule == rule]


def _new(path: str, code: str, rule: str) -> list[int]:
    return sorted(f.line for f in _run([added_file(path, code)], rule))


def _change(path: str, old: str, new: str, rule: str) -> list[Finding]:
    body = "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{path}", f"b/{path}"
        )
    )
    return _run(parse_diff(f"diff --git a/{path} b/{path}\n{body}"), rule)


# --- finding routes ----------------------------------------------------------------------------

_GO = (
    "package api\n"
    "\n"
    "func Register(r *gin.Engine, e *echo.Echo, cr chi.Router, mux *http.ServeMux) {\n"
    '\tv1 := r.Group("/api/v1", auth)\n'
    '\tv1.GET("/users/:id", h.User)\n'
    '\te.Add("PATCH", "/orders/:id", h.Order)\n'
    '\tcr.Route("/invoices", func(r chi.Router) {})\n'
    '\tmux.HandleFunc("DELETE /items/{id}", h.Item)\n'
    '\thttp.HandleFunc("/health", health)\n'
    '\tgm.HandleFunc("/things", h.Things).Methods("POST")\n'
    '\tresp, _ := client.Get("/users", nil)\n'
    '\tcache.Get("/key", &value)\n'
    '\thttp.Post("/upload", "application/json", body)\n'
    "}\n"
)


def test_go_routes_across_gin_echo_chi_gorilla_and_net_http() -> None:
    assert _found("internal/api/routes.go", _GO) == [
        ("/api/v1", None, 4),
        ("/users/:id", "GET", 5),
        ("/orders/:id", "PATCH", 6),
        ("/invoices", None, 7),
        ("/items/{id}", "DELETE", 8),
        ("/health", None, 9),
        ("/things", "POST", 10),
    ]


def test_spring_routes_with_class_prefix_and_request_method() -> None:
    java = (
        '@RestController\n@RequestMapping("/api/orders")\npublic class OrderController {\n'
        '    @RequestMapping(path = {"/a", "/b"}, method = RequestMethod.DELETE)\n'
        "    public void remove() {}\n"
        '    @PostMapping(value = "/c", produces = "application/json")\n'
        "    public void c() {}\n"
        "}\n"
    )
    assert _found("src/main/java/OrderController.java", java) == [
        ("/api/orders", None, 2),
        ("/a", "DELETE", 4),
        ("/b", "DELETE", 4),
        ("/c", "POST", 6),
    ]
    kotlin = (
        "@RestController\nclass C {\n"
        '    @PostMapping(value = ["/x"], produces = ["application/json"])\n'
        "    fun x() {}\n"
        "}\n"
    )
    assert _found("src/main/kotlin/C.kt", kotlin) == [("/x", "POST", 3)]


def test_rails_routes_only_in_routes_files_and_not_custom_member_actions() -> None:
    code = (
        "Rails.application.routes.draw do\n"
        "  resources :users do\n"
        "    member do\n"
        '      post "deleteAll"\n'
        "    end\n"
        "  end\n"
        '  get "getUser/:id", to: "users#show"\n'
        "end\n"
    )
    assert _found("config/routes.rb", code) == [("/users", None, 2), ("getUser/:id", "GET", 7)]
    assert _found("app/models/user.rb", code) == []
    assert _new("config/routes.rb", code, "api-verb-in-path") == [7]


def test_laravel_routes_chained_prefixed_and_not_request_reads() -> None:
    code = (
        "<?php\n"
        "Route::prefix('admin')->group(function () {\n"
        "    Route::post('users', [UserController::class, 'store']);\n"
        "});\n"
        "Route::middleware('auth')->delete('/x/{id}', fn ($id) => 1);\n"
        "$name = $request->get('/getUser', 'x');\n"
    )
    assert _found("routes/api.php", code) == [
        ("/admin", None, 2),
        ("/users", "POST", 3),
        ("/x/{id}", "DELETE", 5),
    ]


# --- api-verb-in-path -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "code", "lines"),
    [
        ("routes/web.php", "<?php\nRoute::get('/photos/create', [P::class, 'create']);\n", []),
        ("routes/web.php", "<?php\nRoute::post('/photos/create', [P::class, 'store']);\n", [2]),
        ("config/routes.rb", 'get "photos/:id/edit", to: "photos#edit"\n', []),
        ("config/routes.rb", 'patch "photos/:id/edit", to: "photos#update"\n', [1]),
    ],
)
def test_form_pages_of_resource_generators_are_not_verbs(
    path: str, code: str, lines: list[int]
) -> None:
    assert _new(path, code, "api-verb-in-path") == lines


def test_html_views_in_go_spring_and_laravel_are_not_flagged() -> None:
    go = (
        "package web\n\nfunc Register(r *gin.Engine) {\n"
        '\tr.GET("/posts/delete/:id", func(c *gin.Context) { c.HTML(200, "confirm", nil) })\n'
        "}\n"
    )
    spring = (
        "@Controller\npublic class PostController {\n"
        '    @GetMapping("/posts/delete/{id}")\n'
        '    public String confirm(@PathVariable long id) { return "redirect:/posts"; }\n'
        "}\n"
    )
    php = "<?php\nRoute::get('/posts/delete/{id}', function ($id) { return view('confirm'); });\n"
    assert _new("internal/web/routes.go", go, "api-verb-in-path") == []
    assert _new("src/main/java/PostController.java", spring, "api-verb-in-path") == []
    assert _new("routes/web.php", php, "api-verb-in-path") == []


@pytest.mark.parametrize(
    ("path", "old", "added"),
    [
        (
            "internal/api/routes.go",
            'package api\n\nfunc R(r *gin.Engine) {\n\tr.GET("/getUser", h.U)\n}\n',
            '\tr.POST("/createOrder", h.O)\n',
        ),
        (
            "routes/api.php",
            "<?php\nRoute::get('/getUser', [U::class, 'show']);\n",
            "Route::post('/createOrder', [O::class, 'store']);\n",
        ),
        (
            "config/routes.rb",
            'Rails.application.routes.draw do\n  get "getUser", to: "u#s"\nend\n',
            '  post "createOrder", to: "o#c"\n',
        ),
    ],
)
def test_verb_routes_in_a_diff_report_only_the_added_one(path: str, old: str, added: str) -> None:
    rows = old.splitlines(keepends=True)
    at = len(rows) - 1 if path.endswith((".go", ".rb")) else len(rows)
    new = "".join(rows[:at] + [added] + rows[at:])
    findings = _change(path, old, new, "api-verb-in-path")
    assert [f.line for f in findings] == [at + 1]
    assert "createOrder" in findings[0].title


def test_spring_verb_route_added_to_an_old_controller() -> None:
    old = (
        '@RestController\n@RequestMapping("/api")\npublic class C {\n'
        '    @GetMapping("/getAll")\n    public List<X> all() { return List.of(); }\n}\n'
    )
    new = old.removesuffix("}\n") + (
        '    @PostMapping("/users/remove/{id}")\n    public void rm() {}\n}\n'
    )
    findings = _change("src/main/java/C.java", old, new, "api-verb-in-path")
    assert [f.line for f in findings] == [6]
    assert "`DELETE /users/{id}`" in findings[0].body


# --- handlers -----------------------------------------------------------------------------------


def test_go_named_handler_is_judged_but_an_ambiguous_name_is_not() -> None:
    code = (
        "package api\n\nfunc R(r *gin.Engine) {\n"
        '\tr.GET("/a", h.Purge)\n'
        "}\n\n"
        "func (h *Handlers) Purge(c *gin.Context) {\n"
        "\th.db.Delete(&Token{})\n"
        "}\n"
    )
    assert _new("internal/api/a.go", code, "get-handler-writes") == [8]
    twice = code + "\nfunc (o *Other) Purge(c *gin.Context) {\n\to.db.Delete(&Token{})\n}\n"
    assert _new("internal/api/a.go", twice, "get-handler-writes") == []


def test_go_error_sent_through_fiber_or_net_http_without_a_status() -> None:
    code = (
        "package api\n\nfunc R(app *fiber.App, mux *http.ServeMux) {\n"
        '\tapp.Get("/a", func(c *fiber.Ctx) error {\n'
        '\t\treturn c.JSON(fiber.Map{"error": "bad"})\n'
        "\t})\n"
        '\tapp.Get("/b", func(c *fiber.Ctx) error {\n'
        '\t\treturn c.Status(400).JSON(fiber.Map{"error": "bad"})\n'
        "\t})\n"
        '\tmux.HandleFunc("GET /c", func(w http.ResponseWriter, r *http.Request) {\n'
        '\t\tjson.NewEncoder(w).Encode(map[string]string{"error": "bad"})\n'
        "\t})\n"
        '\tmux.HandleFunc("GET /d", func(w http.ResponseWriter, r *http.Request) {\n'
        "\t\tw.WriteHeader(http.StatusBadRequest)\n"
        '\t\tjson.NewEncoder(w).Encode(map[string]string{"error": "bad"})\n'
        "\t})\n"
        "}\n"
    )
    assert _new("internal/api/a.go", code, "error-with-status-200") == [5, 11]


def test_spring_path_less_mapping_uses_the_class_prefix_and_respects_response_status() -> None:
    code = (
        '@RestController\n@RequestMapping("/api/audits")\npublic class AuditController {\n'
        "    @GetMapping\n"
        "    public Map<String, Object> all() {\n"
        '        auditRepository.save(new Audit("list"));\n'
        '        return Map.of("error", "nope");\n'
        "    }\n"
        "    @PostMapping\n"
        "    @ResponseStatus(HttpStatus.BAD_REQUEST)\n"
        '    public Map<String, String> bad() { return Map.of("error", "x"); }\n'
        "}\n"
    )
    path = "src/main/java/AuditController.java"
    writes = _run([added_file(path, code)], "get-handler-writes")
    assert [f.line for f in writes] == [6]
    assert "`/api/audits`" in writes[0].title
    assert _new(path, code, "error-with-status-200") == [7]


@pytest.mark.parametrize(
    ("reply", "lines"),
    [
        ("return response()->json(['error' => 'x']);", [4]),
        ("return response()->json(['error' => 'x'], 200);", [4]),
        ("return response()->json(['error' => 'x'], Response::HTTP_OK);", [4]),
        ("return ['ok' => false, 'error' => 'x'];", [4]),
        ("return response()->json(['error' => 'x'], 422);", []),
        ("return response()->json(['data' => $x, 'error' => null]);", []),
    ],
)
def test_laravel_error_payload_status(reply: str, lines: list[int]) -> None:
    code = f"<?php\n\nRoute::post('/login', function (Request $request) {{\n    {reply}\n}});\n"
    assert _new("routes/api.php", code, "error-with-status-200") == lines


def test_an_old_handler_in_context_is_not_judged_but_a_new_one_is() -> None:
    old = (
        "<?php\n\nRoute::get('/a/{id}', function ($id) {\n"
        "    User::destroy($id);\n"
        "    return response()->json(['error' => 'gone']);\n"
        "});\n"
    )
    new = old + "Route::get('/b/{id}', function ($id) {\n    Post::destroy($id);\n});\n"
    assert [f.line for f in _change("routes/api.php", old, new, "get-handler-writes")] == [8]
    assert _change("routes/api.php", old, new, "error-with-status-200") == []


def test_naming_suggestion_respells_the_new_go_path_and_parses() -> None:
    code = (
        "package api\n\nfunc R(r *gin.Engine) {\n"
        '\tr.GET("/payment-methods", h.M)\n'
        '\tr.GET("/order-items", h.I)\n'
        '\tr.GET("/userProfiles", h.P)\n'
        "}\n"
    )
    (finding,) = _run([added_file("internal/api/r.go", code)], "inconsistent-route-naming")
    assert finding.line == 6
    assert finding.suggestion == '\tr.GET("/user-profiles", h.P)'


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("internal/api/x.go", 'package x\nfunc f() { r.GET("/getX", ) ; r.GET(\n'),
        ("internal/api/x.go", 'r.GET(`/getX`, func(c *gin.Context) { c.JSON(200, gin.H{"error"'),
        ("src/main/java/X.java", '@GetMapping(value = )\n@PostMapping({"/a", \n'),
        ("src/main/kotlin/X.kt", '@GetMapping(path = ["/x"\nfun f() ='),
        ("config/routes.rb", "get\nresources\nmember do\n  post 'x' =>\n"),
        ("routes/api.php", "<?php\nRoute::get(;\nRoute::prefix()->group(fn() =>\n"),
        ("routes/api.php", "Route::get('/getX', function () { return ['error' =>"),
    ],
)
def test_odd_input_never_raises(path: str, code: str) -> None:
    for rule in (
        "api-verb-in-path",
        "get-handler-writes",
        "error-with-status-200",
        "inconsistent-route-naming",
    ):
        _run([added_file(path, code)], rule)


FLASK_RESTX = """from flask_restx import Namespace, Resource
from CTFd.models import db, Audiences

ns = Namespace(\"audiences\")


@ns.route(\"/<int:audience_id>\")
class Audience(Resource):
    def get(self, audience_id):
        return Audiences.query.filter_by(id=audience_id).first_or_404()

    def delete(self, audience_id):
        audience = Audiences.query.filter_by(id=audience_id).first_or_404()
        db.session.delete(audience)
        db.session.commit()
        return {\"success\": True}


@ns.route(\"/<int:audience_id>/touch\")
class Touch(Resource):
    def get(self, audience_id):
        audience = Audiences.query.filter_by(id=audience_id).first_or_404()
        db.session.delete(audience)
        db.session.commit()
        return {\"success\": True}
"""


def test_class_resource_methods_are_read_one_by_one() -> None:
    """A flask-restx Resource's `delete` writes, as it should; only a `get` that writes
    is flagged."""
    assert _new("app/api/audiences.py", FLASK_RESTX, "get-handler-writes") == [23]
