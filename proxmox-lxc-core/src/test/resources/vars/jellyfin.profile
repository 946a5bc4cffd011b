# What Jellyfin needs (from ct/jellyfin.sh)
var_tags="media"
var_cpu="2"
var_ram="2048"
var_disk="16"
var_os="ubuntu"
var_version="24.04"
var_unprivileged="1"
var_gpu="yes"
