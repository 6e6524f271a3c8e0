#!/usr/bin/env bash
# Signs in to the local identity server as a person, through the portal's authorization code + PKCE flow: the
# password, then the second factor (CODE: the current code of the person's authenticator app, e.g.
# `oathtool --totp -b KEY` with the key the local stack printed).
set -euo pipefail
user=$1; pass=$2; otp=$3; id=http://127.0.0.1:9000; redirect=http://127.0.0.1:8080/login/oauth2/code/instroom
jar=$(mktemp); verifier=$(head -c 48 /dev/urandom | base64 | tr -d '=+/\n' | cut -c1-60)
challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
auth="$id/oauth2/authorize?response_type=code&client_id=instroom-portal&scope=openid&redirect_uri=$redirect&code_challenge=$challenge&code_challenge_method=S256"
csrf_of() { curl -s -c $jar -b $jar "$id$1" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1; }
curl -s -c $jar -b $jar -o /dev/null "$auth"
curl -s -c $jar -b $jar -o /dev/null --data-urlencode "username=$user" --data-urlencode "password=$pass" \
  --data-urlencode "_csrf=$(csrf_of /login)" $id/login
curl -s -c $jar -b $jar -o /dev/null "$auth"
curl -s -c $jar -b $jar -o /dev/null --data-urlencode "code=$otp" \
  --data-urlencode "_csrf=$(csrf_of /login/second-factor)" $id/login/second-factor
code=$(curl -s -c $jar -b $jar -o /dev/null -w '%{redirect_url}' "$auth" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
[ -n "$code" ] || { echo "sign-in refused (wrong password or code, or too many attempts: wait and retry)" >&2; exit 1; }
curl -s -d grant_type=authorization_code -d client_id=instroom-portal -d "code=$code" -d "redirect_uri=$redirect" -d "code_verifier=$verifier" $id/oauth2/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
