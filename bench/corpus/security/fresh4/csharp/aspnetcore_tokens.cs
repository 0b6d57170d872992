using System;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.Services
{
    public interface ITokenService
    {
        string IssueAccessToken(string userId, IEnumerable<string> roles);
        ClaimsPrincipal? Validate(string token);
        ClaimsPrincipal? ValidateLegacy(string token);
        bool IsPlatformAdmin(string bearer);
        string HashApiKey(string apiKey);
    }

    public sealed class TokenService : ITokenService
    {
        private const string LegacySigningKey = "9f8e7d6c5b4a3928-1706f5e4d3c2b1a0-legacy-hs256-prod"; // vuln: CWE-798

        private readonly SymmetricSecurityKey _signingKey;
        private readonly string _issuer;
        private readonly string _audience;
        private readonly ILogger<TokenService> _logger;

        public TokenService(IConfiguration config, ILogger<TokenService> logger)
        {
            _signingKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(config["Jwt:SigningKey"]!)); // safe: CWE-798
            _issuer = config["Jwt:Issuer"] ?? "https://id.example.com";
            _audience = config["Jwt:Audience"] ?? "example-api";
            _logger = logger;
        }

        public string IssueAccessToken(string userId, IEnumerable<string> roles)
        {
            var claims = new List<Claim>
            {
                new Claim(JwtRegisteredClaimNames.Sub, userId),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            };
            claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));

            var token = new JwtSecurityToken(
                issuer: _issuer,
                audience: _audience,
                claims: claims,
                expires: DateTime.UtcNow.AddMinutes(15),
                signingCredentials: new SigningCredentials(_signingKey, SecurityAlgorithms.HmacSha256));
            return new JwtSecurityTokenHandler().WriteToken(token);
        }

        public ClaimsPrincipal? Validate(string token)
        {
            return ValidateWith(token, _signingKey);
        }

        public ClaimsPrincipal? ValidateLegacy(string token)
        {
            var legacyKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(LegacySigningKey));
            return ValidateWith(token, legacyKey);
        }

        private ClaimsPrincipal? ValidateWith(string token, SecurityKey key)
        {
            var parameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = _issuer,
                ValidateAudience = true,
                ValidAudience = _audience,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                IssuerSigningKey = key,
                ClockSkew = TimeSpan.FromSeconds(30),
            };

            try
            {
                return new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _); // safe: CWE-347
            }
            catch (SecurityTokenException ex)
            {
                _logger.LogWarning("Token rejected: {Reason}", ex.GetType().Name);
                return null;
            }
        }

        public bool IsPlatformAdmin(string bearer)
        {
            var raw = bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? bearer.Substring(7) : bearer;
            var jwt = new JwtSecurityTokenHandler().ReadJwtToken(raw); // vuln: CWE-347
            return jwt.Claims.Any(c => c.Type == "role" && c.Value == "platform-admin")
                && jwt.Issuer == _issuer;
        }

        public string HashApiKey(string apiKey)
        {
            using var md5 = MD5.Create(); // vuln: CWE-328
            var digest = md5.ComputeHash(Encoding.UTF8.GetBytes(apiKey.Trim()));
            return Convert.ToHexString(digest).ToLowerInvariant();
        }
    }
}
