-- PUT /skills/{id} with If-Match: the current version, as a careful client sends it. Each thread owns the
-- ids with id % threads == its number and never has one id in flight twice, so no request is stale; the
-- version comes back in the ETag of each answer. VERSIONS names a file of "id version" lines to start from
-- (the warm-up run has already changed some).
dofile("bench/lua/common.lua")
local skills = tonumber(os.getenv("SKILLS") or "10000")
local threads = tonumber(os.getenv("THREADS") or "2")
local free = {}
local versions = {}
local counter = 0
function init(args)
    seed_random()
    for id = 1, skills do
        if id % threads == (thread_id or 1) - 1 then
            free[#free + 1] = id
            versions[id] = 1
        end
    end
    local known = os.getenv("VERSIONS")
    if known and known ~= "" then
        for line in io.lines(known) do
            local id, version = string.match(line, "(%d+)%s+(%d+)")
            if id and versions[tonumber(id)] then versions[tonumber(id)] = tonumber(version) end
        end
    end
end
function request()
    local slot = math.random(1, #free)
    local id = free[slot]
    free[slot] = free[#free]
    free[#free] = nil
    counter = counter + 1
    local tech = {"Kotlin", "Java", "Rust", "Python", "Go", "Elixir", "Haskell", "Scala", "Clojure", "Swift", "TypeScript",
                  "Postgres", "Redis", "Kafka", "Docker", "Kubernetes", "Terraform", "React", "Angular", "Svelte"}
    local i = id - 1
    local body = string.format('{"name": "%s %07d", "category": "Backend", "description": "updated %d"}',
        tech[(i % #tech) + 1], i, counter)
    return wrk.format("PUT", "/skills/" .. id, with_token({["Content-Type"] = "application/json", ["If-Match"] = '"' .. versions[id] .. '"'}), body)
end
function response(status, headers, body)
    local id = tonumber(string.match(body or "", '"id":(%d+)') or string.match(body or "", '/skills/(%d+)') or "")
    if id then
        local etag = headers["ETag"] or headers["etag"]
        if etag then versions[id] = tonumber(string.match(etag, "(%d+)")) end
        free[#free + 1] = id
    end
end
