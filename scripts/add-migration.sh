#!/usr/bin/env bash
# Adds a migration for SQLite and for PostgreSQL at once:  scripts/add-migration.sh <module> <Name>
# <module> names its context: banking -> BankingDbContext. The migrations go next to the context, in
# Migrations/Sqlite and Migrations/Postgres, where ProviderMigrationsAssembly finds them by namespace.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if (($# != 2)); then
    echo "usage: scripts/add-migration.sh <module> <MigrationName>" >&2
    exit 2
fi
module=$1 name=$2
context="${module^}DbContext"
file=$(grep -rlE --include='*.cs' "^public (sealed )?class $context\b" src | head -1)
[[ -n $file ]] || { echo "add-migration: no class $context under src/" >&2; exit 1; }
folder=$(dirname "$file")
namespace=$(sed -nE 's/^namespace ([A-Za-z0-9_.]+);/\1/p' "$file")
project=$folder
until compgen -G "$project/*.csproj" >/dev/null; do project=$(dirname "$project"); done
project=$(compgen -G "$project/*.csproj")

dotnet tool restore >/dev/null
dotnet build src/Clientele.Server -c Debug -v q -nologo >/dev/null
for provider in Sqlite Postgres; do
    connection="Data Source=design.db"
    [[ $provider == Postgres ]] && connection="Host=localhost;Database=design"
    echo "add-migration: $context $name ($provider)"
    Clientele__Database__Provider=$provider ConnectionStrings__Clientele=$connection \
        dotnet ef migrations add "$name" --no-build \
        --project "$project" --startup-project src/Clientele.Server --context "$context" \
        --output-dir "${folder#"$(dirname "$project")/"}/Migrations/$provider" --namespace "$namespace.Migrations.$provider" >/dev/null
    # A module's first migration: EF names both providers' snapshots alike and would overwrite the first with the
    # second, so each is renamed to <Provider><Context>ModelSnapshot in its provider's folder.
    while IFS= read -r snapshot; do
        target="$folder/Migrations/$provider/$provider${context}ModelSnapshot.cs"
        sed "s/partial class ${context}ModelSnapshot/partial class $provider${context}ModelSnapshot/" "$snapshot" >"$target"
        rm "$snapshot"
    done < <(find "$(dirname "$project")" -name "${context}ModelSnapshot.cs" -not -path '*/obj/*' -not -path '*/bin/*')
    find "$(dirname "$project")" -mindepth 1 -type d -empty -not -path '*/obj/*' -not -path '*/bin/*' -delete
done
echo "add-migration: added $name to $folder/Migrations/{Sqlite,Postgres}"
