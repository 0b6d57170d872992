# bastion-fixture: app/services/route_matcher.rb
# ok: mass-assignment
class RouteMatcher
  Result = Struct.new(:page, :extracted_params, keyword_init: true)

  def call(path)
    page = Page.find_by(slug: path)
    return Result.new(page: page, extracted_params: ActionController::Parameters.new.permit!) if page

    matched = match_pattern(path)
    Result.new(page: @wildcard, extracted_params: ActionController::Parameters.new(matched).permit!)
  end
end
