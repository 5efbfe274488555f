# cstd_embed_data(TARGET NAME FILE SYMBOL)
#
# Compiles a file from data/ into the binary as `std::string_view SYMBOL()`
# in namespace cstd::embedded, so the programs carry their gazetteers with
# them and work from any folder. The generated source is rebuilt whenever the
# data file changes.
set(CSTD_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_file.cmake)

function(cstd_embed_data target file symbol)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${symbol}.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${file} -DOUTPUT=${out} -DSYMBOL=${symbol}
            -P ${CSTD_EMBED_SCRIPT}
    DEPENDS ${file} ${CSTD_EMBED_SCRIPT}
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE ${out})
endfunction()
