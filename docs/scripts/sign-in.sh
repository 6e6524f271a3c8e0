#!/usr/bin/env bash
# Signs in to the local identity server as a person, through the portal's authorization code + PKCE flow.
set -euo pipefail
user=$1; pass=$2; id=http://127.0.0.1:9000; redirect=http://127.0.0.1:8080/login/oauth2/code/instroom
jar=$(mktemp); verifier=$(head -c 48 /dev/urandom | base64 | tr -d '=+/\n' | cut -c1-60)
challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
auth="$id/oauth2/authorize?response_type=code&client_id=instroom-portal&scope=openid&redirect_uri=$redirect&code_challenge=$challenge&code_challenge_method=S256"
curl -s -c $jar -b $jar -o /dev/null "$auth"
csrf=$(curl -s -c $jar -b $jar $id/login | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
curl -s -c $jar -b $jar -o /dev/null --data-urlencode "username=$user" --data-urlencode "password=$pass" --data-urlencode "_csrf=$csrf" $id/login
code=$(curl -s -c $jar -b $jar -o /dev/null -w '%{redirect_url}' "$auth" | sed 's/.*code=\([^&]*\).*/\1/')
curl -s -d grant_type=authorization_code -d client_id=instroom-portal -d "code=$code" -d "redirect_uri=$redirect" -d "code_verifier=$verifier" $id/oauth2/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
