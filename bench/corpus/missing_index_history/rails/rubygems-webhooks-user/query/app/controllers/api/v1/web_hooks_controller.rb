class Api::V1::WebHooksController < Api::BaseController
  # Deletes one of the caller's hooks, matched by gem and URL.
  def remove
    hook = @api_user.web_hooks.find_by_rubygem_id_and_url(@rubygem.try(:id), @url)
    return render(plain: "not found", status: :not_found) unless hook&.destroy

    render(plain: "removed")
  end
end
